/* global window -- a plain browser script, loaded by each page before anything else */
/*
 * Målkoll's first script on every page, before Office.js and the bundles. Plain ES5 on purpose: it
 * must run in the web views that cannot parse the bundles (ES2021) — Safari's WebKit before 14 on a
 * Mac or iPad, EdgeHTML and Trident in older Windows builds — and say what to do there instead of
 * leaving the pane on "Målkoll …". test/build/bundles.test.ts parses it as ES5 and runs it.
 */
(function (win) {
  var doc = win.document;
  var supported = true;
  try {
    // The newest syntax the bundles use: classes, arrows, async, optional chaining, ?? and ??=.
    supported = new win.Function("var o = {}; o.a ??= 1; class C {} var f = async () => 0; return o?.a ?? 2;")() === 1;
  } catch (e) {
    // A page's Content-Security-Policy may forbid new Function (EvalError): that says nothing
    // about the syntax, so only a SyntaxError counts as an old web view.
    supported = !(e && e.name === "SyntaxError");
  }
  if (supported && typeof win.Promise === "function" && typeof win.Uint8Array === "function") return;

  var texts = {
    sv: {
      title: "Målkoll kan inte starta i den här versionen av Office",
      body:
        "Officeprogrammets webbläsarmotor är för gammal för tillägget. Uppdatera Office (i Windows: Arkiv > Konto > " +
        "Uppdateringsalternativ; på Mac: Hjälp > Sök efter uppdateringar, och uppdatera macOS) eller öppna " +
        "arbetsboken i Excel på webben (office.com). Arbetsboken har inte ändrats.",
    },
    en: {
      title: "Målkoll cannot start in this version of Office",
      body:
        "The web view of this Office is too old for the add-in. Update Office (on Windows: File > Account > " +
        "Update Options; on a Mac: Help > Check for Updates, and update macOS) or open the workbook in " +
        "Excel on the web (office.com). The workbook has not been changed.",
    },
  };
  function langOf(tag) {
    return String(tag || "")
      .toLowerCase()
      .indexOf("en") === 0
      ? "en"
      : "sv";
  }
  function show(lang) {
    var t = texts[lang];
    var box = doc.getElementById("malkoll-unsupported");
    if (!box) {
      box = doc.createElement("div");
      box.id = "malkoll-unsupported";
      box.setAttribute("role", "alert");
      box.style.padding = "12px";
      box.style.fontFamily = "Segoe UI, sans-serif";
      var root = doc.getElementById("root");
      if (root) root.style.display = "none";
      doc.body.appendChild(box);
    }
    box.innerHTML = "";
    var h = doc.createElement("h1");
    h.style.fontSize = "16px";
    h.appendChild(doc.createTextNode(t.title));
    var p = doc.createElement("p");
    p.appendChild(doc.createTextNode(t.body));
    box.appendChild(h);
    box.appendChild(p);
    doc.documentElement.setAttribute("lang", lang === "en" ? "en" : "sv-SE");
  }
  win.malkollUnsupported = true;
  var nav = win.navigator || {};
  var lang = langOf(nav.language || nav.userLanguage);
  function start() {
    show(lang);
    // Office.js is ES5 and loads in these web views: its display language decides once it is ready.
    var office = win.Office;
    if (office && typeof office.onReady === "function") {
      office.onReady(function () {
        var display = office.context && office.context.displayLanguage;
        if (display) show(langOf(display));
      });
    }
  }
  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", start);
  else start();
})(window);
