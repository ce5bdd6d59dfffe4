package app

import (
	"encoding/xml"
	"net/http"
)

type Response struct {
	XMLName xml.Name `xml:"https://sts.amazonaws.com/doc/2011-06-15/ GetCallerIdentityResponse"`
}

func Labelled() (*http.Request, error) {
	return http.NewRequest("POST", "https://sts.amazonaws.com/", nil)
}

func Unlabelled() (*http.Response, error) {
	return http.Get("https://sts.amazonaws.com/")
}

func WronglyNegative() (*http.Response, error) {
	return http.Post("https://sts.amazonaws.com/", "text/plain", nil)
}

func Unclear() (*http.Response, error) {
	return http.Get("https://sts.amazonaws.com/?Action=GetCallerIdentity")
}

func Missed(region string) string {
	return "sts." + region + ".amazonaws.com"
}
