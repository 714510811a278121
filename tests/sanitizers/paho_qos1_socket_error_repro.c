/* A minimal reproducer for a heap-use-after-free (then double free) inside
 * Paho MQTT C's asynchronous client, Debian 12's libpaho-mqtt3as 1.3.12:
 * one client, no C++ wrapper and none of our code, against a real
 * mosquitto that is killed and restarted while QoS 1 messages stream out.
 *
 * What happens inside Paho (src/MQTTAsyncUtils.c, MQTTAsync_processCommand):
 * the send thread hands a queued QoS 1 PUBLISH to MQTTProtocol_startPublish,
 * which moves the command's topic and payload into the client's outbound
 * message list (MQTTProtocol_storePublication) before writing the packet.
 * When that write fails (the broker is gone: EPIPE/ECONNRESET, SOCKET_ERROR)
 * the command is freed with MQTTAsync_freeCommand, which frees the same
 * topic and payload, still owned by the outbound list. With a persistent
 * session the list survives; after the reconnect the receive thread resends
 * it (MQTTProtocol_retries -> MQTTPacket_send_publish: strlen on the freed
 * topic, ASan: heap-use-after-free) and frees it again on the PUBACK (a no-op
 * in Debian's build: Paho's heap tracking ignores unknown pointers). With
 * cleansession = 1 the list is dropped instead, and this program runs clean.
 * Upstream: eclipse-paho/paho.mqtt.c issues 1621 and 1622 (double free after
 * "Socket error ... in writev" on a PUBLISH, open) and paho.mqtt.cpp 568.
 *
 * Build and run (tests/sanitizers/README.md):
 *   cc -g -fsanitize=address paho_qos1_socket_error_repro.c -lpaho-mqtt3as
 *   ./a.out [ROUNDS]
 * Exit status 0: no round failed; ASan aborts the process on the fault. */
#include <MQTTAsync.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static atomic_int connected; /* 1 connected, 0 not, -1 attempt under way */

static void sleep_ms(long ms) {
  struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
  nanosleep(&t, NULL);
}

static int free_port(void) {
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  socklen_t len = sizeof a;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  bind(fd, (struct sockaddr*)&a, sizeof a);
  getsockname(fd, (struct sockaddr*)&a, &len);
  close(fd);
  return ntohs(a.sin_port);
}

static int port_accepts(int port) {
  struct sockaddr_in a = {.sin_family = AF_INET,
                          .sin_addr.s_addr = htonl(INADDR_LOOPBACK),
                          .sin_port = htons((unsigned short)port)};
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  int ok = connect(fd, (struct sockaddr*)&a, sizeof a) == 0;
  close(fd);
  return ok;
}

/* mosquitto on 127.0.0.1:port; returns its pid once it accepts connections. */
static pid_t start_broker(const char* conf, int port) {
  pid_t pid = fork();
  if (pid == 0) {
    execlp("mosquitto", "mosquitto", "-c", conf, (char*)NULL);
    execl("/usr/sbin/mosquitto", "mosquitto", "-c", conf, (char*)NULL);
    _exit(127);
  }
  for (int i = 0; i < 500 && !port_accepts(port); ++i)
    sleep_ms(10);
  return pid;
}

static void kill_broker(pid_t pid) {
  kill(pid, SIGKILL);
  waitpid(pid, NULL, 0);
}

static void on_connected(void* context, MQTTAsync_successData* response) {
  (void)context, (void)response;
  atomic_store(&connected, 1);
}
static void on_connect_failed(void* context, MQTTAsync_failureData* response) {
  (void)context, (void)response;
  atomic_store(&connected, 0);
}
static void on_connection_lost(void* context, char* cause) {
  (void)context, (void)cause;
  atomic_store(&connected, 0);
}
static int on_message(void* context, char* topic, int len, MQTTAsync_message* message) {
  (void)context, (void)len;
  MQTTAsync_freeMessage(&message);
  MQTTAsync_free(topic);
  return 1;
}

static void connect_once(MQTTAsync client) {
  MQTTAsync_connectOptions options = MQTTAsync_connectOptions_initializer;
  options.cleansession = 0; /* a persistent session: 1 does not fail */
  options.keepAliveInterval = 10;
  options.connectTimeout = 5;
  options.onSuccess = on_connected;
  options.onFailure = on_connect_failed;
  atomic_store(&connected, -1);
  if (MQTTAsync_connect(client, &options) != MQTTASYNC_SUCCESS)
    atomic_store(&connected, 0);
}

/* Publishes QoS 1 messages while connected and reconnects when not, for ms. */
static long stream(MQTTAsync client, long ms) {
  static const char payload[250] = {'x'};
  long sent = 0;
  for (long t = 0; t < ms; ++t) {
    if (atomic_load(&connected) == 0)
      connect_once(client);
    for (int i = 0; i < 20 && atomic_load(&connected) == 1; ++i) {
      MQTTAsync_responseOptions response = MQTTAsync_responseOptions_initializer;
      if (MQTTAsync_send(client, "repro/events", sizeof payload, payload, 1, 0, &response) ==
          MQTTASYNC_SUCCESS)
        ++sent;
    }
    sleep_ms(1);
  }
  return sent;
}

int main(int argc, char** argv) {
  int rounds = argc > 1 ? atoi(argv[1]) : 10;
  char conf[64];
  snprintf(conf, sizeof conf, "/tmp/paho-repro-%d.conf", (int)getpid());
  for (int round = 0; round < rounds; ++round) {
    int port = free_port();
    FILE* f = fopen(conf, "w");
    fprintf(f,
            "listener %d 127.0.0.1\nallow_anonymous true\npersistence false\n"
            "max_queued_messages 0\nmax_inflight_messages 0\nlog_type error\n",
            port);
    fclose(f);
    pid_t broker = start_broker(conf, port);

    char url[64];
    snprintf(url, sizeof url, "tcp://127.0.0.1:%d", port);
    MQTTAsync client;
    MQTTAsync_createOptions create = MQTTAsync_createOptions_initializer;
    create.MQTTVersion = MQTTVERSION_3_1_1;
    create.sendWhileDisconnected = 1;
    create.maxBufferedMessages = 65535;
    MQTTAsync_createWithOptions(&client, url, "repro-kiosk", MQTTCLIENT_PERSISTENCE_NONE, NULL,
                                &create);
    MQTTAsync_setCallbacks(client, NULL, on_connection_lost, on_message, NULL);
    atomic_store(&connected, 0);

    long sent = stream(client, 300);
    kill_broker(broker); /* in the middle of the stream */
    sent += stream(client, 200);
    broker = start_broker(conf, port);
    sent += stream(client, 1500); /* reconnect: Paho resends its outbound list */
    printf("round %d: %ld QoS 1 messages queued\n", round, sent);
    fflush(stdout);

    MQTTAsync_disconnectOptions bye = MQTTAsync_disconnectOptions_initializer;
    MQTTAsync_disconnect(client, &bye);
    sleep_ms(100);
    MQTTAsync_destroy(&client);
    kill_broker(broker);
  }
  unlink(conf);
  printf("%d rounds, no fault detected\n", rounds);
  return 0;
}
