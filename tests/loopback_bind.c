/* LD_PRELOAD shim for the test Bolt server: a bind() to "any address" binds loopback instead.
 *
 * FalkorDB's Bolt listener has no bind option and listens on every interface, without
 * authentication. The test server must be reachable from this machine only, so its process gets
 * this bind(): 0.0.0.0 becomes 127.0.0.1 and [::] becomes ::ffff:127.0.0.1 (or ::1 on a v6-only
 * socket). Compiled by tests/bolt_server.py with the system C compiler.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

int bind(int fd, const struct sockaddr *addr, socklen_t len) {
    static int (*real_bind)(int, const struct sockaddr *, socklen_t);
    if (!real_bind) real_bind = (int (*)(int, const struct sockaddr *, socklen_t))dlsym(RTLD_NEXT, "bind");
    if (addr && addr->sa_family == AF_INET && len >= (socklen_t)sizeof(struct sockaddr_in)) {
        struct sockaddr_in a;
        memcpy(&a, addr, sizeof a);
        if (a.sin_addr.s_addr == htonl(INADDR_ANY)) {
            a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            return real_bind(fd, (const struct sockaddr *)&a, sizeof a);
        }
    }
    if (addr && addr->sa_family == AF_INET6 && len >= (socklen_t)sizeof(struct sockaddr_in6)) {
        struct sockaddr_in6 a;
        memcpy(&a, addr, sizeof a);
        if (IN6_IS_ADDR_UNSPECIFIED(&a.sin6_addr)) {
            int v6only = 0;
            socklen_t n = sizeof v6only;
            getsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &v6only, &n);
            memset(&a.sin6_addr, 0, sizeof a.sin6_addr);
            if (v6only) {
                a.sin6_addr.s6_addr[15] = 1; /* ::1 */
            } else {
                a.sin6_addr.s6_addr[10] = 0xff; /* ::ffff:127.0.0.1 */
                a.sin6_addr.s6_addr[11] = 0xff;
                a.sin6_addr.s6_addr[12] = 127;
                a.sin6_addr.s6_addr[15] = 1;
            }
            return real_bind(fd, (const struct sockaddr *)&a, sizeof a);
        }
    }
    return real_bind(fd, addr, len);
}
