/** 我的 (tab): the citizen's own requests (later) and the way into the staff workbench (subpackage `staff`). */
Page<Record<string, never>, { onOpenStaff(): void }>({
  data: {},

  onOpenStaff() {
    void wx.navigateTo({ url: '/staff/pages/home/index' });
  },
});
