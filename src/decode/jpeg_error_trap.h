// How the decoder (jpeg_decode.cpp) and the compressor (encode/jpeg_write.cpp)
// survive libjpeg's fatal errors: libjpeg reports one by calling error_exit,
// which must not return (the default one calls exit()), so ours records the
// message and longjmps back to the one setjmp in `guarded`. Both keep
// everything a call needs in one Session of plain data, so a jump skips no
// destructor.
#pragma once
#include <csetjmp>
#include <cstddef>
#include <cstdio>
#include <type_traits>

extern "C" {
#include "jpeglib.h"
}

namespace imagefield {

struct JpegErrorTrap {
  // First, so that libjpeg's cinfo->err leads back to the whole trap.
  jpeg_error_mgr errors{};
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX] = {};
  int messageCode = 0;  // libjpeg's msg_code (jerror.h) of the error that stopped it
};
static_assert(std::is_standard_layout_v<JpegErrorTrap> && offsetof(JpegErrorTrap, errors) == 0,
              "libjpeg's error manager must sit at the start of the trap");

// Leaves the running libjpeg call for the `guarded` that started it.
[[noreturn]] inline void leaveGuarded(JpegErrorTrap& trap) { std::longjmp(trap.jump, 1); }

[[noreturn]] inline void onJpegError(j_common_ptr cinfo) {
  JpegErrorTrap& trap = *reinterpret_cast<JpegErrorTrap*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, trap.message);
  trap.messageCode = cinfo->err->msg_code;
  leaveGuarded(trap);
}

// Warnings are dropped: the decoder's (corrupt data libjpeg recovers from) as
// Pillow drops them; the compressor's are only about its own settings, which
// are fixed.
inline void onJpegMessage(j_common_ptr) {}

inline void createJpegObject(jpeg_decompress_struct& cinfo) { jpeg_create_decompress(&cinfo); }
inline void createJpegObject(jpeg_compress_struct& cinfo) { jpeg_create_compress(&cinfo); }

// Creates a Session's libjpeg object (its `cinfo`), the first thing its first
// guarded step does: from here on libjpeg's errors land in `trap`, its
// callbacks find the Session through client_data, and JpegSessionOwner
// destroys the object (`created`), even if creating it failed half way.
template <typename Session>
void createJpegSession(Session& session) {
  session.cinfo.err = jpeg_std_error(&session.trap.errors);
  session.trap.errors.error_exit = onJpegError;
  session.trap.errors.output_message = onJpegMessage;
  session.cinfo.client_data = &session;
  session.created = true;
  createJpegObject(session.cinfo);
}

// The one function that calls setjmp, and it stays on the stack while `step`
// runs libjpeg: its fatal errors and every leaveGuarded jump back here, and
// it returns false. Session has a JpegErrorTrap `trap`.
template <typename Session>
bool guarded(Session& session, void (*step)(Session&)) {
  if (setjmp(session.trap.jump)) return false;
  step(session);
  return true;
}

// Owns one Session's libjpeg object (its `cinfo`, a jpeg_compress_struct or
// jpeg_decompress_struct) for one call, and destroys it if `created` says a
// step got as far as creating it.
template <typename Session>
class JpegSessionOwner {
 public:
  JpegSessionOwner() = default;
  ~JpegSessionOwner() {
    if (session_.created) jpeg_destroy(reinterpret_cast<j_common_ptr>(&session_.cinfo));
  }
  JpegSessionOwner(const JpegSessionOwner&) = delete;
  JpegSessionOwner& operator=(const JpegSessionOwner&) = delete;

  Session& session() { return session_; }
  const Session& session() const { return session_; }

 private:
  Session session_;
};

}  // namespace imagefield
