def targets():
    return [
        {"name": "accueil", "path": "/"},
        {"name": "accueil (membre)", "path": "/", "login": True},
    ]
