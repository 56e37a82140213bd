"""The library hook: a plan document saved in the library (through any upload) is linked to the
cascade it answers. Connected once the documents app provides its Document model."""
