"""orgs: organisation units (the tree of party committees, base organisations, cells, state
bodies and mass organisations) and the people who belong to them."""
