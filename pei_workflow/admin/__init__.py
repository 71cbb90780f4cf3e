"""The casework admin: one scoped base (`base`) and a package per screen family."""
