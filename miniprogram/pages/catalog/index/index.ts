/** 公开目录 (tab): the catalogue of published items. Placeholder until the catalogue stage; points to the reports. */
Page<Record<string, never>, { onOpenReports(): void }>({
  data: {},

  onOpenReports() {
    void wx.switchTab({ url: '/pages/report/list/index' });
  },

  onShareAppMessage() {
    return { title: '政府信息公开', path: '/pages/catalog/index/index' };
  },
});
