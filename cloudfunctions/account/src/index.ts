import { accountContract } from '@zbxx/contracts';
import { createFunction } from '@zbxx/server';
import { bind } from './actions/bind';
import { login } from './actions/login';

/** 账号: who am I (login) and claiming a roster entry (bind). */
export const main = createFunction(accountContract, { login, bind });
