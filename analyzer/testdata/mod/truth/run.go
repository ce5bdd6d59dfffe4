package truth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"sort"
	"time"

	v2aws "github.com/aws/aws-sdk-go-v2/aws"
	v2sts "github.com/aws/aws-sdk-go-v2/service/sts"
	v1credentials "github.com/aws/aws-sdk-go/aws/credentials"
	v1endpoints "github.com/aws/aws-sdk-go/aws/endpoints"
	v1request "github.com/aws/aws-sdk-go/aws/request"
	v1sts "github.com/aws/aws-sdk-go/service/sts"
)

// Result is what one run of a case prints, as one JSON line on stdout.
type Result struct {
	// Host is the host the SDK called or would call (no port), empty when
	// nothing was sent.
	Host string `json:"host,omitempty"`
	// Via says how Host was observed: "proxy" for a request that reached
	// the recording proxy, "url" for a URL the case returned or the SDK
	// built without sending it (presigned URLs, resolved endpoints).
	Via string `json:"via,omitempty"`
	// Error is the error the construction or the request returned before
	// anything was sent.
	Error string `json:"error,omitempty"`
}

// Main runs the case named by os.Args[1] from cases and prints its Result.
// The exit status is 0 whenever a Result was printed, 2 on harness errors
// (unknown case, unsupported result type).
func Main(cases map[string]func() any) {
	if len(os.Args) == 2 && os.Args[1] == "-list" {
		names := make([]string, 0, len(cases))
		for n := range cases {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			fmt.Println(n)
		}
		return
	}
	if len(os.Args) != 2 {
		fail("usage: runner CASE | -list")
	}
	c, ok := cases[os.Args[1]]
	if !ok {
		fail("unknown case %q", os.Args[1])
	}
	guardNetwork()
	if err := startProxy(); err != nil {
		fail("proxy: %v", err)
	}
	// A case must not hang the test: the parent also has a timeout, this
	// one reports which case it was.
	time.AfterFunc(60*time.Second, func() { fail("case %s did not finish in 60s", os.Args[1]) })
	emit(drive(c()))
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "truth runner: "+format+"\n", args...)
	os.Exit(2)
}

func emit(r Result) {
	b, err := json.Marshal(r)
	if err != nil {
		fail("%v", err)
	}
	os.Stdout.Write(append(b, '\n'))
	os.Exit(0)
}

// guardNetwork makes sure nothing but loopback addresses can be contacted,
// whatever the case does: every DNS lookup fails, and http.DefaultTransport
// (aws-sdk-go v1's default) dials loopback addresses only. The SDK clients
// only ever dial the proxy, an IP literal.
func guardNetwork() {
	net.DefaultResolver = &net.Resolver{
		PreferGo: true,
		Dial: func(ctx context.Context, network, address string) (net.Conn, error) {
			return nil, errors.New("truth runner: DNS is disabled")
		},
	}
	t := http.DefaultTransport.(*http.Transport).Clone()
	d := &net.Dialer{}
	t.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, _, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
			return nil, fmt.Errorf("truth runner: refusing to dial %s", addr)
		}
		return d.DialContext(ctx, network, addr)
	}
	http.DefaultTransport = t
}

// startProxy serves an HTTP proxy on a loopback port that records the first
// request's target host, prints it and exits, and points the proxy
// environment variables at it. It must run before anything calls
// http.ProxyFromEnvironment, which reads the environment once.
func startProxy() error {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host // CONNECT host:port
		if r.Method != http.MethodConnect && r.URL.Host != "" {
			host = r.URL.Host // absolute-URI request (plain http)
		}
		emit(Result{Host: stripPort(host), Via: "proxy"})
	})
	go http.Serve(l, h)
	proxy := "http://" + l.Addr().String()
	for _, k := range []string{"HTTPS_PROXY", "HTTP_PROXY", "https_proxy", "http_proxy"} {
		os.Setenv(k, proxy)
	}
	os.Unsetenv("NO_PROXY")
	os.Unsetenv("no_proxy")
	return nil
}

func stripPort(hostport string) string {
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		return h
	}
	return hostport
}

func urlHost(s string) Result {
	u, err := url.Parse(s)
	if err != nil {
		return Result{Error: fmt.Sprintf("parsing URL %q: %v", s, err)}
	}
	if u.Host == "" { // a bare host, as in WithEndpoint("sts.amazonaws.com")
		return Result{Host: stripPort(s), Via: "url"}
	}
	return Result{Host: stripPort(u.Host), Via: "url"}
}

// drive uses the value a case returned the way a program would; it returns
// only when nothing reached the proxy (the proxy exits the process).
func drive(v any) Result {
	ctx := context.Background()
	var err error
	switch x := v.(type) {
	case nil:
		return Result{}
	case error:
		return Result{Error: "case returned: " + x.Error()}
	case string:
		return urlHost(x)
	case *v1sts.STS:
		_, err = x.GetCallerIdentity(&v1sts.GetCallerIdentityInput{})
	case *v1credentials.Credentials:
		_, err = x.Get()
	case v1credentials.Provider:
		_, err = x.Retrieve()
	case *v1request.Request:
		err = x.Send()
	case v1endpoints.ResolvedEndpoint:
		return urlHost(x.URL)
	case *v2sts.Client:
		_, err = x.GetCallerIdentity(ctx, &v2sts.GetCallerIdentityInput{})
	case *v2sts.PresignClient:
		req, perr := x.PresignGetCallerIdentity(ctx, &v2sts.GetCallerIdentityInput{})
		if perr != nil {
			return Result{Error: perr.Error()}
		}
		return urlHost(req.URL)
	case v2aws.CredentialsProvider:
		_, err = x.Retrieve(ctx)
	case *http.Request:
		var resp *http.Response
		resp, err = http.DefaultClient.Do(x)
		if resp != nil {
			resp.Body.Close()
		}
	default:
		fail("case returned %T: not a type the runner can drive (see package truth's documentation)", v)
	}
	if err == nil {
		err = errors.New("the call succeeded without reaching the proxy")
	}
	return Result{Error: err.Error()}
}
