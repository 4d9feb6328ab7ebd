/**
 * Chinese labels of offline editing: the pending count, the browser copy, and the panel that
 * keeps edits the server refused. Part of the zh-CN label tree; en-offline.ts matches its shape.
 */
export const zhCNOffline = {
  offline: {
    offline: '离线',
    pending: '{{count}} 处修改未同步',
    notSaved: '{{count}} 处修改未能保存',
    localCopy: '离线：正在显示本浏览器保存的副本，恢复连接后自动同步。',
    storeFailed: '本浏览器未能保存离线副本（存储空间不足或已被清除）：断网时的修改在重新加载后会丢失。',
    noReload: '当前通过 http 访问：断网后无法重新加载页面（需 https），其余功能不受影响。',
    keptTitle: '你的 {{count}} 处修改未能保存到服务器',
    submitted: '文档已提交审核，内容已锁定。',
    approved: '文档已审定，内容已锁定。',
    role: '你在此文档中的角色现为{{role}}，不能直接修改内容。',
    readOnly: '你现在不能修改此文档的内容。',
    refused: '服务器拒绝了这些修改：{{reason}}',
    gone: '文档已删除，或你已无权访问。',
    keptHint: '这些修改仍保存在本浏览器中，没有丢失。可一键作为建议提交给编辑者，或导出为文件。',
    yours: '你的修改',
    server: '服务器上的内容',
    empty: '（空）',
    removed: '（删除）',
    rowAdded: '新增行',
    rowRemoved: '删除行',
    projectAdded: '新增项目 {{name}}',
    projectRemoved: '删除项目 {{name}}',
    head: { title: '标题', year: '年度', department: '部门' },
    suggest: '作为建议提交（{{count}} 条）',
    suggesting: '正在提交建议…',
    suggested: '已作为 {{count}} 条建议提交。',
    suggestFailed: '建议提交失败：{{message}}',
    notSuggestible: '第一部分正文、标题和整项目的增删不能作为建议提交，请导出保存。',
    export: '导出我的修改',
    discard: '放弃本机修改',
    discardConfirm: '放弃后，这些修改将从本浏览器删除且无法恢复。确定吗？',
  },
};
