import { expect } from 'chai';
import { currentLanguage, setLanguage, t } from '../../../client/i18n/i18n.ts';
import '../helpers/mount.ts';

describe('t(): labels in the current language', () => {
  afterEach(async () => {
    await setLanguage('zh-CN');
  });

  it('fills placeholders, and follows a switch of language for labels it already gave', async () => {
    expect(t('grid.value')).to.equal('指标值');
    expect(t('sheet.rowNumber', { row: 3 })).to.equal('第 3 行');
    await setLanguage('en');
    expect(currentLanguage()).to.equal('en');
    expect(t('grid.value')).to.not.equal('指标值');
    expect(t('sheet.rowNumber', { row: 3 })).to.equal('Row 3');
    await setLanguage('zh-CN');
    expect(t('grid.value')).to.equal('指标值');
  });

});
