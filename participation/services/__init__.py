"""Business rules of participation, one module per theme; views and other apps call these."""
