"""A folder of postmortems as the team's incident record: every file summarised, cached, and seen across."""
