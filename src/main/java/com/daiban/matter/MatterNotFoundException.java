package com.daiban.matter;

import com.daiban.web.NotFoundException;

public class MatterNotFoundException extends NotFoundException {

	public MatterNotFoundException(String matterNo) {
		super("未找到事项或无权查看：" + (matterNo.length() > 40 ? matterNo.substring(0, 40) + "…" : matterNo));
	}

}
