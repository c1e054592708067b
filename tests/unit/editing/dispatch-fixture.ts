// The API as the views call it, through the app's dispatcher: `call` returns a success's value
// (and throws the error otherwise), `failure` returns the error a call must end in.
import type { MethodArgs, MethodName, MethodResult } from '../../../main/api/contract';
import type { ApiError } from '../../../shared/domain';
import type { Services } from '../../../main/services';

export function dispatcherOf(services: () => Services) {
  return {
    async call<M extends MethodName>(method: M, ...args: MethodArgs<M>): Promise<MethodResult<M>> {
      const res = await services().dispatch(method, args);
      if (!res.ok) throw Object.assign(new Error(res.error.message), res.error);
      return res.value as MethodResult<M>;
    },
    async failure<M extends MethodName>(method: M, ...args: MethodArgs<M>): Promise<ApiError> {
      const res = await services().dispatch(method, args);
      if (res.ok) throw new Error(`${method} should have failed`);
      return res.error;
    },
  };
}
