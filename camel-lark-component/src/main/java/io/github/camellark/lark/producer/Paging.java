package io.github.camellark.lark.producer;

/** Checks on the paging parameters of list operations. */
final class Paging {

    private Paging() {
    }

    /** The pageSize parameter, checked against Lark's maximum for the list; null when not set. */
    static Integer pageSize(LarkCall call, int max) {
        Integer pageSize = call.intParam(LarkParam.PAGE_SIZE);
        if (pageSize != null && (pageSize < 1 || pageSize > max)) {
            throw new IllegalArgumentException("lark " + call.operationName() + ": pageSize must be between 1 and " + max + ", got " + pageSize);
        }
        return pageSize;
    }
}
