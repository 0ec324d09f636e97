"""Views across postmortems: the library of a folder."""
