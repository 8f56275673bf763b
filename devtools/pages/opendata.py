def targets():
    return [
        {"name": "open data", "path": "/donnees-ouvertes/"},
        {"name": "map", "path": "/donnees-ouvertes/carte/"},
        {"name": "map geojson", "path": "/donnees-ouvertes/carte/donnees.geojson"},
        {"name": "agenda widget", "path": "/donnees-ouvertes/widgets/agenda/cadre/"},
    ]
