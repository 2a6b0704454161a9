"""Portfolio pages. Each module is one part of the portfolio; all views are thin."""
