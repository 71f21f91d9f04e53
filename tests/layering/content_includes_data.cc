// Must NOT compile: content/ and data/ are siblings; domain/ joins them.
#include "data/site_data.h"
