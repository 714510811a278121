#include "signals.hpp"

#include <pthread.h>

#include <csignal>
#include <thread>

namespace tavla::host::app {

void handle_signals(ServeControl& control) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread([set, &control] {
    while (true) {
      int signal = 0;
      if (sigwait(&set, &signal) != 0) {
        continue;
      }
      if (signal == SIGHUP) {
        control.reload = true;
      } else {
        control.stop = true;
      }
    }
  }).detach();
}

}  // namespace tavla::host::app
