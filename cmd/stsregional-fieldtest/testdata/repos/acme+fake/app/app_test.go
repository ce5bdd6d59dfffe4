package app

import (
	"net/http"
	"testing"
)

func TestFake(t *testing.T) {
	_, _ = http.Get("https://sts.amazonaws.com/")
}
