"""Console page modules: each registers its routes with web.page at import (office.load_pages imports all)."""
