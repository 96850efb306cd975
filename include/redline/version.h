/* version.h - redline's version, as --version prints it and the HTML page
 * records it. */
#ifndef REDLINE_VERSION_H
#define REDLINE_VERSION_H

#define REDLINE_VERSION "0.1.0"

#endif
