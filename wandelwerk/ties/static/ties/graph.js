/* Interactive network graph (no library): SVG with pan and zoom, node size by degree, colour by
   community, filters by topic and sector, keyboard-focusable nodes, a card for the chosen actor.
   Data: the JSON at data-src (nodes with x/y in [0, 1], edges as index pairs). */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var SIZE = 1000;
  var MARGIN = 30;

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function fill(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (_, key) { return String(values[key]); });
  }

  function init(root) {
    var labels = root.dataset;
    var status = root.querySelector(".ties-graph-status");
    var canvas = root.querySelector(".ties-graph-canvas");
    var card = root.querySelector(".ties-card");
    var topicSelect = root.querySelector(".ties-filter-topic");
    var sectorSelect = root.querySelector(".ties-filter-sector");
    status.textContent = labels.labelLoading;

    fetch(root.dataset.src, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (data) { draw(data); })
      .catch(function () { status.textContent = "–"; });

    function draw(data) {
      var view = { x: 0, y: 0, k: 1 };
      var svg = el("svg", { viewBox: "0 0 " + SIZE + " " + SIZE, class: "ties-svg", role: "group",
        "aria-label": root.closest("section").querySelector("h2").textContent }, canvas);
      var stage = el("g", {}, svg);
      var edgePath = el("path", { class: "ties-edges", d: "" }, stage);
      var nodeLayer = el("g", {}, stage);
      var span = SIZE - 2 * MARGIN;
      var circles = data.nodes.map(function (n, i) {
        var r = 4 + Math.sqrt(n.degree) * 2.2;
        var cls = "ties-node " + (n.isolated ? "ties-isolated" : "ties-c" + ((n.community - 1) % 12));
        if (n.is_broker) { cls += " ties-broker"; }
        var c = el("circle", { cx: (MARGIN + n.x * span).toFixed(1), cy: (MARGIN + n.y * span).toFixed(1),
          r: r.toFixed(1), class: cls, tabindex: "0", role: "button", "aria-label": n.name }, nodeLayer);
        el("title", {}, c).textContent = n.name;
        c.addEventListener("click", function () { show(i); });
        c.addEventListener("keydown", function (e) {
          if (e.key === "Enter" || e.key === " ") { e.preventDefault(); show(i); }
        });
        return c;
      });

      // filters
      data.topics.forEach(function (t) {
        var o = document.createElement("option"); o.value = t.slug; o.textContent = t.name; topicSelect.appendChild(o);
      });
      data.sectors.forEach(function (s) {
        var o = document.createElement("option"); o.value = s.value; o.textContent = s.label; sectorSelect.appendChild(o);
      });
      var visible = data.nodes.map(function () { return true; });
      function applyFilters() {
        var topic = topicSelect.value, sector = sectorSelect.value, shown = 0;
        data.nodes.forEach(function (n, i) {
          var ok = (!topic || n.topics.indexOf(topic) >= 0) && (!sector || n.sector === sector);
          visible[i] = ok;
          circles[i].classList.toggle("is-hidden", !ok);
          circles[i].setAttribute("tabindex", ok ? "0" : "-1");
          if (ok) { shown += 1; }
        });
        var d = [];
        data.edges.forEach(function (e) {
          if (visible[e[0]] && visible[e[1]]) {
            var a = data.nodes[e[0]], b = data.nodes[e[1]];
            d.push("M" + (MARGIN + a.x * span).toFixed(1) + " " + (MARGIN + a.y * span).toFixed(1) +
              "L" + (MARGIN + b.x * span).toFixed(1) + " " + (MARGIN + b.y * span).toFixed(1));
          }
        });
        edgePath.setAttribute("d", d.join(""));
        var text = fill(labels.labelShown, { shown: shown, total: data.total_actors });
        if (data.left_out_connected || data.left_out_isolated) {
          text += " " + fill(labels.labelLeft, { connected: data.left_out_connected, isolated: data.left_out_isolated });
        }
        status.textContent = text;
      }
      topicSelect.addEventListener("change", applyFilters);
      sectorSelect.addEventListener("change", applyFilters);
      applyFilters();

      // card
      function show(i) {
        var n = data.nodes[i];
        circles.forEach(function (c) { c.classList.remove("is-selected"); });
        circles[i].classList.add("is-selected");
        card.textContent = "";
        var h = document.createElement("h3"); h.textContent = n.name; card.appendChild(h);
        var p = document.createElement("p");
        var parts = [n.sector_label, labels.labelDegree + ": " + n.degree];
        if (n.isolated) { parts.push(labels.labelIsolated); } else { parts.push(labels.labelCommunity + " " + n.community); }
        if (n.is_broker) { parts.push(labels.labelBroker); }
        p.textContent = parts.join(" · "); card.appendChild(p);
        var a = document.createElement("a"); a.href = n.url; a.textContent = labels.labelOpen; card.appendChild(a);
      }

      // pan and zoom
      function apply() { stage.setAttribute("transform", "translate(" + view.x + " " + view.y + ") scale(" + view.k + ")"); }
      function zoom(factor, cx, cy) {
        var k = Math.min(12, Math.max(0.5, view.k * factor));
        cx = cx === undefined ? SIZE / 2 : cx; cy = cy === undefined ? SIZE / 2 : cy;
        view.x = cx - (cx - view.x) * (k / view.k); view.y = cy - (cy - view.y) * (k / view.k); view.k = k; apply();
      }
      function toSvg(evt) {
        var rect = svg.getBoundingClientRect();
        return [(evt.clientX - rect.left) * SIZE / rect.width, (evt.clientY - rect.top) * SIZE / rect.height];
      }
      svg.addEventListener("wheel", function (e) {
        e.preventDefault(); var p = toSvg(e); zoom(e.deltaY < 0 ? 1.2 : 1 / 1.2, p[0], p[1]);
      }, { passive: false });
      var drag = null;
      svg.addEventListener("pointerdown", function (e) {
        if (e.target.tagName === "circle") { return; }
        drag = { p: toSvg(e), x: view.x, y: view.y }; svg.setPointerCapture(e.pointerId);
      });
      svg.addEventListener("pointermove", function (e) {
        if (!drag) { return; } var p = toSvg(e);
        view.x = drag.x + p[0] - drag.p[0]; view.y = drag.y + p[1] - drag.p[1]; apply();
      });
      svg.addEventListener("pointerup", function () { drag = null; });
      root.querySelector(".ties-zoom-in").addEventListener("click", function () { zoom(1.4); });
      root.querySelector(".ties-zoom-out").addEventListener("click", function () { zoom(1 / 1.4); });
      root.querySelector(".ties-zoom-reset").addEventListener("click", function () { view = { x: 0, y: 0, k: 1 }; apply(); });
      // keep a focused node in view when tabbing through a zoomed graph
      nodeLayer.addEventListener("focusin", function (e) {
        if (view.k <= 1) { return; }
        var cx = parseFloat(e.target.getAttribute("cx")), cy = parseFloat(e.target.getAttribute("cy"));
        var sx = view.x + cx * view.k, sy = view.y + cy * view.k;
        if (sx < 0 || sx > SIZE || sy < 0 || sy > SIZE) { view.x = SIZE / 2 - cx * view.k; view.y = SIZE / 2 - cy * view.k; apply(); }
      });
    }
  }

  document.querySelectorAll(".ties-graph[data-src]").forEach(init);
})();
