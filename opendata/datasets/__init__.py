"""The datasets of the modules that were there before open data (proposals, debates,
events, resources, panorama), declared from `OpenDataConfig.ready()`. A newer module
declares its own from its apps.py (`opendata.registry.register_dataset`)."""
