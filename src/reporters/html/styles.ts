/** The report's only stylesheet (inline; the page loads nothing). */
export const styles = `
:root{--fg:#1b1f24;--muted:#5b6470;--line:#d8dde3;--bg:#fff;--soft:#f5f7f9;--failed:#c62828;--errored:#8e24aa;
--flaky:#ef6c00;--suppressed:#607d8b;--unsupported:#9e9e9e;--passed:#2e7d32}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);
background:var(--bg)}
main{max-width:1200px;margin:0 auto;padding:24px}h1{font-size:22px;margin:0 0 4px}
h2{font-size:17px;margin:28px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{white-space:pre-wrap;word-break:break-all;background:var(--soft);padding:8px;border-radius:4px;max-height:320px;
overflow:auto;margin:4px 0}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
.muted{color:var(--muted)}.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:8px 0}
.meta dt{color:var(--muted)}.meta dd{margin:0;word-break:break-all}
.verdict{display:inline-block;padding:6px 14px;border-radius:4px;color:#fff;font-weight:700;letter-spacing:.03em}
.verdict.pass{background:var(--passed)}.verdict.fail{background:var(--failed)}.verdict.partial{background:#9a6700}
.banner{border:2px solid #9a6700;background:#fff8c5;padding:8px 12px;border-radius:4px}
.badge{display:inline-block;min-width:82px;text-align:center;padding:1px 6px;border-radius:3px;color:#fff;
font-size:12px;font-weight:600}
.b-failed{background:var(--failed)}.b-errored{background:var(--errored)}.b-flaky{background:var(--flaky)}
.b-suppressed{background:var(--suppressed)}.b-unsupported{background:var(--unsupported)}
.b-passed{background:var(--passed)}
tr.rule-failed td{background:#fdecea}.matrix{table-layout:fixed}.matrix td{text-align:center;cursor:pointer}
.matrix td.empty{cursor:default;color:var(--unsupported)}.matrix th:first-child{width:200px}
.matrix td.w-failed{background:#f8d7d5}.matrix td.w-errored{background:#eedcf2}.matrix td.w-flaky{background:#fde6cf}
.matrix td.w-passed{background:#dcefdc}.matrix td.w-suppressed,.matrix td.w-unsupported{background:var(--soft)}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0;position:sticky;top:0;
background:var(--bg);padding:6px 0;z-index:1}.filters select,.filters input{font:inherit;padding:3px 6px}
details.case{border:1px solid var(--line);border-radius:4px;margin:4px 0}
details.case>summary{padding:6px 8px;cursor:pointer;list-style:none;display:flex;gap:8px;align-items:baseline;
flex-wrap:wrap}
details.case>summary .id{font-family:ui-monospace,monospace;font-size:12px}details.case .body{padding:4px 12px 10px}
details.case[open]>summary{background:var(--soft)}
.finding{border-left:3px solid var(--failed);padding:2px 10px;margin:6px 0}
.kind-regression{color:var(--failed);font-weight:600}.kind-fixed{color:var(--passed);font-weight:600}
h3{font-size:15px;margin:18px 0 6px}.attempt-h{font-weight:600;margin:12px 0 4px}
h4.case-h{display:inline;font-size:inherit;font-weight:normal;margin:0}.description p,.remediation p{margin:6px 0}
.remediation p:first-child{margin-top:0}ul.refs{margin:0;padding-left:18px}
details.code>summary{cursor:pointer;color:var(--muted)}
@media print{
.filters{display:none}details.case{break-inside:auto}details.case:not([open]){break-inside:avoid}
details.case>summary,h2,h3,h4{break-after:avoid}tr,.finding{break-inside:avoid}pre{max-height:none}
}
`;
