def targets():
    """A member's own contributions and the form to propose a resource."""
    return [
        {"name": "mes contributions (membre)", "path": "/contributions/", "login": True},
        {
            "name": "proposer une ressource (membre)",
            "path": "/contributions/proposer/ressource/",
            "login": True,
        },
    ]
