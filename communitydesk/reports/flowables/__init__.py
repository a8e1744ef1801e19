"""Small reusable building blocks of the documents, one module per kind of block."""
