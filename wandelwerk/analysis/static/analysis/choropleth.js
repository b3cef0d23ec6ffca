/* Gap analysis choropleth: colours the region's areas by observed / expected actors.
   The same figures are in the tables on the page; the key <select> submits by itself. */
(function () {
  "use strict";
  var form = document.getElementById("key-form");
  var select = document.getElementById("gap-key");
  if (form && select) {
    select.addEventListener("change", function () { form.submit(); });
  }
  var el = document.getElementById("gap-map");
  if (!el || typeof L === "undefined") { return; }
  var data = el.dataset;
  var COLORS = { spot: "#b2182b", below: "#ef8a62", par: "#f7f7f7", above: "#67a9cf", none: "#d9d9d9" };
  var map = L.map(el, { zoomSnap: 0.5, minZoom: 5, maxZoom: 14, keyboard: true });
  map.attributionControl.setPrefix(false);
  if (data.tileUrl) {
    L.tileLayer(data.tileUrl, { attribution: data.tileAttribution || "", maxZoom: 18 }).addTo(map);
  }
  map.fitBounds([[47.27, 5.87], [55.06, 15.04]]);
  function fmt(v) { return v === null || v === undefined ? "–" : String(v).replace(".", ","); }
  fetch(data.featuresUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
    .then(function (geo) {
      var layer = L.geoJSON(geo, {
        style: function (f) {
          return { color: "#444", weight: 0.7, fillColor: COLORS[f.properties["class"]] || COLORS.none, fillOpacity: 0.85 };
        },
        onEachFeature: function (f, lyr) {
          var p = f.properties;
          lyr.bindTooltip(p.name + ": " + p.count + " / " + fmt(p.expected) + " – " + p.label, { sticky: true });
        }
      }).addTo(map);
      if (layer.getBounds().isValid()) { map.fitBounds(layer.getBounds(), { maxZoom: 11 }); }
    })
    .catch(function () {});
})();
