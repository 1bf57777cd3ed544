package io.github.camellark.lark.operation;

/**
 * An operation of a {@code lark:} resource. Each producer resource has one enum of its operations, so that every handler
 * switches over them exhaustively and a missing case does not compile.
 */
public interface LarkOperation {

    /** The name in the URI ({@code operation=...}) and in the {@code CamelLarkOperation} header. */
    String uriName();
}
