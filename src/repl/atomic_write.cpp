// SPDX-License-Identifier: GPL-3.0-or-later
// Atomic whole-file writes (see atomic_write.hpp).
#include "repl/atomic_write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

namespace ddx {
namespace {

std::string folder_of(const std::string& path) {
  std::string dir = std::filesystem::path(path).parent_path().string();
  return dir.empty() ? "." : dir;
}

std::string cannot(const std::string& path, int error) {
  return "cannot write '" + path + "': " + std::strerror(error);
}

}  // namespace

std::optional<std::string> unwritable_folder(const std::string& path) {
  std::string dir = folder_of(path);
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) return "the folder '" + dir + "' does not exist";
  if (!S_ISDIR(st.st_mode)) return "'" + dir + "' is not a folder";
  if (::access(dir.c_str(), W_OK) != 0) return "the folder '" + dir + "' is not writable";
  return std::nullopt;
}

std::optional<std::string> write_atomically(const std::string& given, const std::string& contents) {
  // Through a link to the file it names (the link was replaced by a file, its target left old);
  // never over anything but a file (:export /dev/full renamed a file over the device, and said
  // it had written it).
  namespace fs = std::filesystem;
  std::string path = given;
  std::error_code ignored;  // (a path that does not exist is no error here: its type says so)
  if (fs::symlink_status(given, ignored).type() == fs::file_type::symlink) {
    std::error_code error;
    path = fs::weakly_canonical(given, error).string();
    if (error) return "cannot write '" + given + "': " + error.message();
  }
  if (fs::file_type const type = fs::status(path, ignored).type();
      type != fs::file_type::not_found && type != fs::file_type::regular)
    return "cannot write '" + given + "': it is not a regular file";
  if (auto why = unwritable_folder(path)) return "cannot write '" + given + "': " + *why;
  std::string name = std::filesystem::path(path).filename().string();
  std::string pattern = folder_of(path) + "/." + name + ".XXXXXX";
  std::vector<char> temp(pattern.begin(), pattern.end());
  temp.push_back('\0');
  int fd = ::mkstemp(temp.data());
  if (fd < 0) return cannot(given, errno);
  const char* p = contents.data();
  std::size_t left = contents.size();
  int error = 0;
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error = n < 0 ? errno : EIO;
      break;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (!error && ::fsync(fd) != 0) error = errno;
  // Readable by others as an ordinary new file would be (mkstemp creates it 0600).
  mode_t mask = ::umask(0);
  ::umask(mask);
  if (!error && ::fchmod(fd, 0666 & ~mask) != 0) error = errno;
  if (::close(fd) != 0 && !error) error = errno;
  if (!error && std::rename(temp.data(), path.c_str()) != 0) error = errno;
  if (error) {
    std::remove(temp.data());
    return cannot(given, error);
  }
  return std::nullopt;
}

}  // namespace ddx
