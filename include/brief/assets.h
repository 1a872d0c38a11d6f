/* Files of assets/ compiled into the binary, so brief runs uninstalled. */
#ifndef BRIEF_ASSETS_H
#define BRIEF_ASSETS_H

#include <stddef.h>

struct asset {
	const char *name;           /* file name under assets/ */
	const unsigned char *data;  /* NUL terminated */
	size_t len;
};

/* The asset with this file name, or NULL. */
const struct asset *asset_find(const char *name);

#endif
