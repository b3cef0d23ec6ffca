/* Wandelwerk maps: one script for the directory, profiles, areas and networks.
   Draws our own boundaries as the base layer (no tile server needed), optional operator tiles,
   server-side clusters, and keeps the accessible result list in step with the map. */
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || typeof L === "undefined") { return; }
  var data = el.dataset;
  var GERMANY = [[47.27, 5.87], [55.06, 15.04]];
  var map = L.map(el, { zoomSnap: 0.5, minZoom: 5, maxZoom: 18, keyboard: true });
  map.attributionControl.setPrefix(false);

  if (data.tileUrl) {
    L.tileLayer(data.tileUrl, { attribution: data.tileAttribution || "", maxZoom: 18 }).addTo(map);
  }
  var baseStyle = { color: "#5b6b60", weight: 1, fillColor: "#f4f7f2", fillOpacity: data.tileUrl ? 0 : 1 };
  var countyStyle = { color: "#8b9a90", weight: 0.6, fill: false };

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    });
  }
  function bboxParam() {
    var b = map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(5); }).join(",");
  }
  function link(url, text) {
    var a = document.createElement("a");
    a.href = url; a.textContent = text;
    return a;
  }

  if (data.basemapUrl) {
    getJSON(data.basemapUrl).then(function (geo) { L.geoJSON(geo, { style: baseStyle, interactive: false }).addTo(map).bringToBack(); });
  }
  var countyLayer = null, countyKey = "";
  function refreshCounties() {
    if (!data.countyUrl) { return; }
    if (map.getZoom() < 7) { if (countyLayer) { map.removeLayer(countyLayer); countyLayer = null; } return; }
    var key = bboxParam();
    if (key === countyKey) { return; }
    countyKey = key;
    getJSON(data.countyUrl + "?bbox=" + key).then(function (geo) {
      if (countyLayer) { map.removeLayer(countyLayer); }
      countyLayer = L.geoJSON(geo, { style: countyStyle, interactive: false }).addTo(map);
    }).catch(function () {});
  }

  if (data.point) {
    var p = data.point.split(",").map(Number);
    map.setView([p[1], p[0]], 11);
    L.circleMarker([p[1], p[0]], { radius: 8, color: "#134d29", fillColor: "#1d6b3a", fillOpacity: 0.9 }).addTo(map);
  }
  if (data.boundaryUrl) {
    getJSON(data.boundaryUrl).then(function (geo) {
      var layer = L.geoJSON(geo, { style: { color: "#134d29", weight: 2, fillOpacity: 0.08 }, interactive: false }).addTo(map);
      map.fitBounds(layer.getBounds());
    });
  }

  // Actors: clusters (directory, networks) or plain points (areas)
  var actorLayer = L.layerGroup().addTo(map);
  var filterParams = new URLSearchParams(data.filter !== undefined ? data.filter : window.location.search);
  ["bbox", "page", "partial"].forEach(function (k) { filterParams.delete(k); });
  var fitted = false;

  function drawFeatures(geo) {
    actorLayer.clearLayers();
    geo.features.forEach(function (f) {
      var c = f.geometry.coordinates, props = f.properties, latlng = [c[1], c[0]];
      if (props.count) {
        var size = Math.min(56, 24 + Math.round(Math.log(props.count + 1) * 4));
        var icon = L.divIcon({ className: "cluster-icon", html: String(props.count), iconSize: [size, size] });
        var m = L.marker(latlng, { icon: icon, title: props.name + ": " + props.count, keyboard: true, alt: props.name });
        var zoomIn = function () { map.setView(latlng, Math.min(map.getZoom() + 2.5, 13)); };
        m.on("click", zoomIn);
        m.on("add", function () {
          m.getElement().addEventListener("keydown", function (ev) {
            if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); zoomIn(); }
          });
        });
        actorLayer.addLayer(m);
      } else {
        var cm = L.circleMarker(latlng, { radius: 6, color: "#134d29", weight: 1, fillColor: "#1d6b3a", fillOpacity: 0.85 });
        var box = document.createElement("div");
        box.appendChild(link(props.url, props.name));
        cm.bindPopup(box);
        actorLayer.addLayer(cm);
      }
    });
    if (!fitted && geo.features.length && !data.bbox && filterParams.toString()) {
      fitted = true;
      var b = L.geoJSON(geo).getBounds();
      if (b.isValid()) { map.fitBounds(b.pad(0.2), { maxZoom: 11 }); }
    }
  }
  var actorSeq = 0, listSeq = 0;  // answers to older requests are ignored when they arrive late
  function refreshActors() {
    if (data.clustersUrl) {
      var params = new URLSearchParams(filterParams);
      params.set("bbox", bboxParam());
      params.set("zoom", String(Math.round(map.getZoom())));
      var seq = ++actorSeq;
      getJSON(data.clustersUrl + "?" + params.toString()).then(function (geo) {
        if (seq === actorSeq) { drawFeatures(geo); }
      }).catch(function () {});
    } else if (data.actorsUrl && !fitted) {
      fitted = true;
      getJSON(data.actorsUrl).then(drawFeatures).catch(function () {});
    }
  }

  // Keep the accessible list in step with the map when asked to
  var follow = document.getElementById("follow-map");
  var results = document.getElementById("results");
  function refreshList() {
    if (!follow || !follow.checked || !results || !data.listUrl) { return; }
    var params = new URLSearchParams(filterParams);
    params.set("bbox", bboxParam());
    var url = data.listUrl + "?" + params.toString();
    params.set("partial", "1");
    var seq = ++listSeq;
    fetch(data.listUrl + "?" + params.toString(), { credentials: "same-origin" })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        if (seq !== listSeq) { return; }
        results.innerHTML = html;
        window.history.replaceState(null, "", url);
      }).catch(function () {});
  }
  if (follow) {
    follow.addEventListener("change", function () {
      if (follow.checked) { refreshList(); } else {
        var u = new URL(window.location.href); u.searchParams.delete("bbox"); window.location.assign(u.toString());
      }
    });
  }

  map.on("moveend", function () { refreshCounties(); refreshActors(); refreshList(); });
  if (data.bbox) {
    var v = data.bbox.split(",").map(Number);
    map.fitBounds([[v[1], v[0]], [v[3], v[2]]]);
  } else if (!data.point && !data.boundaryUrl) {
    map.fitBounds(GERMANY);
  }
})();
