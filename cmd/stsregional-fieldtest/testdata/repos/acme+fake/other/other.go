package other

import "net/http"

func NotInPattern() (*http.Response, error) {
	return http.Get("https://sts.amazonaws.com/")
}
