/**
 * The portal's stylesheet: phone first (375 px), readable by elderly readers (17 px text, every text colour at
 * least 4.5:1 on its background), a desk layout from 900 px, and a print layout without the navigation.
 */
export const PORTAL_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; color: #1f2328; background: #f4f6f8; font-size: 17px; line-height: 1.75;
  font-family: -apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
    "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
}
a { color: #0b4a9e; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #e36209; outline-offset: 2px; }
.gk-skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 8px; }
.gk-skip:focus { left: 8px; z-index: 10; }
.gk-header { background: #0b4a9e; color: #fff; }
.gk-header-inner, .gk-main, .gk-footer-inner { max-width: 1200px; margin: 0 auto; padding: 0 16px; }
.gk-site-title { margin: 0; padding: 14px 0 6px; font-size: 21px; line-height: 1.4; }
.gk-site-title a { color: #fff; text-decoration: none; }
.gk-site-sub { margin: 0 0 8px; font-size: 15px; color: #fff; }
.gk-nav ul { list-style: none; margin: 0; padding: 0 0 8px; display: flex; flex-wrap: wrap; gap: 4px 4px; }
.gk-nav a { display: inline-block; padding: 6px 10px; color: #fff; text-decoration: none; border-radius: 4px; font-size: 16px; }
.gk-nav a[aria-current="page"] { background: #fff; color: #0b4a9e; font-weight: 700; }
.gk-main { background: #fff; padding-top: 12px; padding-bottom: 32px; min-height: 60vh; }
.gk-main h1 { font-size: 22px; line-height: 1.45; margin: 8px 0 12px; }
.gk-main h2 { font-size: 19px; line-height: 1.5; margin: 24px 0 8px; }
.gk-main h3 { font-size: 17px; margin: 16px 0 6px; }
.gk-breadcrumb { font-size: 15px; margin: 0 0 8px; color: #57606a; }
.gk-muted { color: #57606a; font-size: 15px; }
.gk-list { list-style: none; margin: 0; padding: 0; }
.gk-list li { padding: 10px 0; border-bottom: 1px solid #d8dee4; }
.gk-list .gk-meta { display: block; font-size: 15px; color: #57606a; }
.gk-nobreak { white-space: nowrap; }
.gk-meta-table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 16px; }
.gk-meta-table th, .gk-meta-table td { border: 1px solid #d8dee4; padding: 6px 8px; text-align: left; vertical-align: top; }
.gk-meta-table th { width: 7em; background: #f4f6f8; font-weight: 600; word-break: keep-all; }
.gk-meta-table td { overflow-wrap: anywhere; }
.gk-body p { margin: 0 0 10px; text-indent: 2em; overflow-wrap: anywhere; }
.gk-search { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-end; margin: 8px 0 16px; padding: 12px; background: #f4f6f8; border-radius: 6px; }
.gk-search label { display: flex; flex-direction: column; font-size: 15px; flex: 1 1 140px; }
.gk-search input, .gk-search select, .gk-search button {
  font: inherit; font-size: 16px; padding: 6px 8px; min-height: 44px;
  border: 1px solid #8c959f; border-radius: 4px; background: #fff; color: #1f2328;
}
.gk-search button { background: #0b4a9e; color: #fff; border-color: #0b4a9e; flex: 0 0 auto; cursor: pointer; }
.gk-downloads { display: flex; flex-wrap: wrap; gap: 8px 16px; margin: 8px 0 12px; padding: 0; list-style: none; }
.gk-downloads a { display: inline-block; padding: 8px 12px; border: 1px solid #0b4a9e; border-radius: 4px; text-decoration: none; }
.gk-notice { padding: 10px 12px; background: #fff8c5; border-left: 4px solid #9a6700; margin: 8px 0 16px; }
.gk-guide dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 8px 0; }
.gk-guide dt { font-weight: 600; word-break: keep-all; }
.gk-guide dd { margin: 0; overflow-wrap: anywhere; }
.gk-qr { display: flex; align-items: center; gap: 16px; margin: 12px 0; flex-wrap: wrap; }
.gk-qr svg { flex: none; border: 1px solid #d0d7de; }
.gk-qr figcaption { flex: 1 1 160px; overflow-wrap: anywhere; }
.gk-footer { color: #1f2328; background: #e6eaef; font-size: 15px; }
.gk-footer-inner { padding-top: 16px; padding-bottom: 24px; }
.gk-footer p { margin: 0 0 4px; }
.gk-error { text-align: center; padding: 32px 0; }
.gk-main .gk-report { padding: 0; max-width: none; }
@media (min-width: 900px) {
  .gk-main { padding-left: 32px; padding-right: 32px; }
  .gk-nav a { font-size: 17px; }
}
@media print {
  body { background: #fff; }
  .gk-nav, .gk-skip, .gk-search, .gk-downloads, .gk-breadcrumb { display: none; }
  .gk-header { background: none; color: #000; }
  .gk-header a, .gk-site-sub { color: #000; }
  .gk-main { padding: 0; }
  .gk-footer { background: none; }
}
`;
