"""Views, one module per part of the journey. Each is wrapped by an access decorator."""
