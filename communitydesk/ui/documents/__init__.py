"""Documents PDF: choose a document, generate it off the UI thread, preview, save, print."""
