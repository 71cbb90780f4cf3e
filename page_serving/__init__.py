"""Serving the public pages fast (issue 16): the page cache, the generation every change to
what a public page shows replaces, and what each process keeps under it (which page an
address is, the private sections, drawn fragments). Every app that draws public pages may
use it; it imports no app of the project."""
