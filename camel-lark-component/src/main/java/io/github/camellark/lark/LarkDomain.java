package io.github.camellark.lark;

/** The two brands of the Lark Open Platform: same paths, different hosts. */
public enum LarkDomain {
    feishu("https://open.feishu.cn"),
    lark("https://open.larksuite.com");

    private final String baseUri;

    LarkDomain(String baseUri) {
        this.baseUri = baseUri;
    }

    public String baseUri() {
        return baseUri;
    }
}
