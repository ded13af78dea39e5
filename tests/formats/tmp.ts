import { codecFor } from "../../provider/formats";
const x = codecFor("s3-xml");
const N = 250000;
const cases: [string, string][] = [
  ["unclosed attr", `<a b="` + "x".repeat(N)],
  ["many attrs", "<a " + "b ".repeat(N / 2) + ">"],
  ["attr eq", "<a " + "b=".repeat(N / 2) + ">"],
  ["many lt", "<".repeat(N)],
  ["lt gt", "<a>".repeat(N / 3)],
  ["close tags", "</a>".repeat(N / 4)],
  ["amp", "<CORSConfiguration>" + "&".repeat(N) + "</CORSConfiguration>"],
  ["amps ok", "<CORSConfiguration><CORSRule><AllowedOrigin>" + "&amp;".repeat(N / 5 - 20) + "</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>"],
  ["pi", "<?" + "x".repeat(N)],
  ["comment", "<!--" + "-".repeat(N)],
  ["cdata", "<a><![CDATA[" + "]".repeat(N)],
  ["ns", "<" + "a:".repeat(N / 2) + "b/>"],
  ["rules", "<CORSConfiguration>" + "<CORSRule><AllowedOrigin>https://a.example</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule>".repeat(2500) + "</CORSConfiguration>"],
  ["spaces in tag", "<a" + " ".repeat(N) + "/>"],
  ["slash", "<a" + "/".repeat(N) + ">"],
  ["quote mix", "<a b='" + "\"".repeat(N) + "'/>"],
  ["bang", "<!" + " ".repeat(N)],
];
for (const [name, doc] of cases) {
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    const r = x.decode(doc);
    const ms = performance.now() - t;
    if (i === 1) console.log(name.padEnd(16), doc.length, ms.toFixed(1) + "ms", r.issues[0]?.message.slice(0, 100));
  }
}
