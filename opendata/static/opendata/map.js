// The map enhances the list beside it: the list (server-rendered) holds every item, the
// map shows the same ones from the GeoJSON endpoint. Without Leaflet, tiles or data, the
// list is all there is, and a status line says so.
(function () {
  var element = document.getElementById("carte");
  var status = document.getElementById("carte-etat");
  if (!element || !window.L) return;
  element.hidden = false;
  var map = L.map(element, { scrollWheelZoom: false }).setView([46.6, 2.5], 5);
  var tiles = L.tileLayer(element.dataset.tiles, {
    attribution: element.dataset.attribution,
    maxZoom: 18,
  }).addTo(map);
  var tileErrors = 0;
  tiles.on("tileerror", function () {
    tileErrors += 1;
    if (tileErrors === 1 && status) {
      status.textContent = "Le fond de carte ne se charge pas : la liste ci-dessous montre tous les éléments.";
    }
  });

  function popup(properties) {
    var box = document.createElement("div");
    box.className = "opendata-map-popup";
    var title = document.createElement("strong");
    title.textContent = properties.lieu + (properties.precision === "commune" ? "" : " (position approchée)");
    box.appendChild(title);
    var list = document.createElement("ul");
    properties.elements.forEach(function (item) {
      var entry = document.createElement("li");
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.titre;
      entry.appendChild(document.createTextNode(item.type + " : "));
      entry.appendChild(link);
      list.appendChild(entry);
    });
    box.appendChild(list);
    return box;
  }

  fetch(element.dataset.geojson, { headers: { Accept: "application/geo+json" } })
    .then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    })
    .then(function (data) {
      var layer = L.geoJSON(data, {
        pointToLayer: function (feature, latlng) {
          return L.circleMarker(latlng, { radius: 7, weight: 2, color: "#0a4a8f", fillOpacity: 0.6 });
        },
        onEachFeature: function (feature, marker) {
          marker.bindPopup(popup(feature.properties));
        },
      }).addTo(map);
      if (data.features.length) map.fitBounds(layer.getBounds(), { maxZoom: 10, padding: [20, 20] });
    })
    .catch(function () {
      if (status) status.textContent = "La carte n’a pas pu charger ses données : la liste ci-dessous les montre toutes.";
    });
})();
