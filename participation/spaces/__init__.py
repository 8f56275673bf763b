"""Spaces ("démarches"): the space pages, their phases and invited members, who sees them
and `can()`. Public surface: `participation.spaces.api`."""
