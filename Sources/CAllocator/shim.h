// glibc's allocator tuning (`mallopt`); empty elsewhere.
#if defined(__linux__)
#include <malloc.h>
#endif
