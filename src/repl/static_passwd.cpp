// SPDX-License-Identifier: GPL-3.0-or-later
// The user database of the statically linked program. Readline looks users up to expand and
// complete `~name` (and for the home directory when $HOME is unset). glibc's own functions would
// load its NSS modules at run time, which a static program can do only with the shared
// libraries of the very glibc it was linked with (the linker warns of it); these read
// /etc/passwd directly, which is where the users of a machine running ddx are.
#include <pwd.h>

#include <cstdio>
#include <cstring>

namespace {

std::FILE* open_database() { return std::fopen("/etc/passwd", "re"); }

// The first entry `matches` accepts, from a stream of its own. The entry lives in fgetpwent's
// buffer, valid until the next lookup, as glibc promises of getpwnam's.
template <class Match>
passwd* first_user(Match matches) {
  std::FILE* file = open_database();
  if (!file) return nullptr;
  passwd* entry = nullptr;
  while ((entry = fgetpwent(file)) && !matches(*entry)) {
  }
  std::fclose(file);
  return entry;
}

std::FILE* enumeration = nullptr;  // setpwent / getpwent / endpwent's stream

}  // namespace

extern "C" {

passwd* getpwnam(const char* name) {
  return first_user([name](const passwd& p) { return std::strcmp(p.pw_name, name) == 0; });
}

passwd* getpwuid(uid_t uid) {
  return first_user([uid](const passwd& p) { return p.pw_uid == uid; });
}

void setpwent() {
  if (enumeration) std::rewind(enumeration);
  else enumeration = open_database();
}

passwd* getpwent() {
  if (!enumeration) setpwent();
  return enumeration ? fgetpwent(enumeration) : nullptr;
}

void endpwent() {
  if (enumeration) std::fclose(enumeration);
  enumeration = nullptr;
}

}  // extern "C"
