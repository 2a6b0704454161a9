"""Programme pages, one module per part of the app. Views stay thin: services do the work."""
