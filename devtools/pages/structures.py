from structures.models import Structure


def targets():
    found = [{"name": "structures", "path": "/structures/"}]
    structure = Structure.objects.validated().filter(profiles__in_directory=True).first()
    if structure:
        found.append({"name": "structure", "path": structure.get_absolute_url()})
    return found
