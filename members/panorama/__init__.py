"""The panorama of actors: counts of the members who opted in, small counts hidden."""
