package fakeprovider

import (
	"context"
	"fmt"
	"net"
)

// LoopbackOnly is a DialContext that refuses any host but 127.0.0.1.
func LoopbackOnly(ctx context.Context, network, addr string) (net.Conn, error) {
	if host, _, _ := net.SplitHostPort(addr); host != "127.0.0.1" {
		return nil, fmt.Errorf("test tried to reach %s", addr)
	}
	return (&net.Dialer{}).DialContext(ctx, network, addr)
}
