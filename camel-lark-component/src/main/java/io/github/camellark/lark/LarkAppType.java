package io.github.camellark.lark;

/** The kind of Lark app, which decides how access tokens are obtained. */
public enum LarkAppType {
    selfBuilt,
    store
}
